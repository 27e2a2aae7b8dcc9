/** The WBXML encoder against libwbxml's `xml2wbxml -n`: the same bytes for the same WML deck. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { h, wmlVariable, type Element } from '../../../shared/sites/markup/node';
import { serializeWml } from '../../../shared/sites/wap1/pages';
import { compileWml } from '../../../shared/sites/wbxml/wml';
import { describeWith } from '../../helpers/systemTools';
import { writeTemp, xml2wbxmlBytes } from './oracles';

/** Decks that exercise what the encoder must get right: prefixed attribute tokens, value tokens anywhere, trimming, `$$`, empty elements. */
const DECKS: Record<string, Element> = {
  tokens: h(
    'wml',
    {},
    h('head', {}, h('meta', { 'http-equiv': 'Cache-Control', content: 'max-age=600' })),
    h(
      'card',
      { id: 'texthelp', title: 'context help top www.a.com/ $x', newcontext: 'true', ordered: 'false' },
      h('p', { align: 'center', mode: 'nowrap' }, '  hello \n world  ', h('b', {}, 'x'), ' y$(var) \u00a0\u00adz & <b>'),
      h(
        'p',
        {},
        h('img', { src: 'http://www.example.org/a.wbmp', alt: 'x', width: 120, height: 80, align: 'middle' }),
        h('a', { href: 'https://www.foo.org/a.com/b', accesskey: 1 }, 'x'),
        h('a', { href: 'mailto:a@b.net/' }, 'm'),
      ),
      h(
        'p',
        {},
        h('input', { name: 'msg', maxlength: 200, type: 'text', emptyok: 'true' }),
        h(
          'anchor',
          {},
          '提交',
          h(
            'go',
            { href: '/guestbook', method: 'post' },
            h('postfield', { name: 'message', value: wmlVariable('msg') }),
            h('postfield', { name: 'url', value: 'http://www.b.edu/' }),
          ),
        ),
      ),
      h('p', {}, ' '),
      h('p', {}),
      h('do', { type: 'accept', label: 'options' }, h('go', { href: 'http://www.a.com/top.wml' })),
      h('do', { type: 'prev', label: '返回' }, h('prev')),
    ),
  ),
  chinese: h(
    'wml',
    {},
    h(
      'card',
      { title: '泉城茶业（1/2）' },
      h('p', {}, h('strong', {}, '明前龙井'), h('br'), '价格：368元 😀 𠀀'),
      h('p', {}, h('a', { href: 'wtai://wp/mc;053186001234', accesskey: '0' }, '0 拨打')),
    ),
  ),
};

describeWith(['xml2wbxml'], 'WBXML encoder (WML 1.3)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = writeTemp(
      Object.entries(DECKS).map(([name, deck]) => ({
        path: `${name}.wml`,
        channel: 'wap1',
        mime: 'text/vnd.wap.wml',
        content: serializeWml(deck),
      })),
    ));
  });
  afterAll(() => cleanup?.());

  it.each(Object.keys(DECKS))('encodes the %s deck exactly as xml2wbxml -n does', async (name) => {
    const expected = await xml2wbxmlBytes(dir, `${name}.wml`);
    expect(Buffer.from(compileWml(DECKS[name]!)).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
  });
});

it('writes the WBXML 1.3 header for WML 1.3 in UTF-8 without a string table', () => {
  expect([...compileWml(h('wml', {}, h('card', {})))]).toEqual([0x03, 0x0a, 0x6a, 0x00, 0x7f, 0x27, 0x01]);
});
