/**
 * WAP 1.0 on a feature phone: the compiled WML decks rendered here (not by a browser), one card at
 * a time, with the phone's keys — ▲/▼ move between links, 选择 follows one, 返回 goes back, the
 * number keys follow the link with that access key. Nothing from the deck runs.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Compiled } from '../state/compiledStore';
import { fileText } from '../state/compiledStore';
import { dataUrlForAssetPath } from '../state/imageCache';
import { resolvePath } from './pageDocument';
import { linkTarget, parseDeck, type Inline, type WmlCard } from './wml';

interface Place {
  path: string;
  card?: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function cardOf(cards: WmlCard[], id: string | undefined): WmlCard | undefined {
  return (id ? cards.find((c) => c.id === id) : undefined) ?? cards[0];
}

interface Props {
  compiled: Compiled;
  /** The deck to open (follows the editor's selection and the page picker). */
  start: string | undefined;
}

export function Wap1Phone({ compiled, start }: Props) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<Place[]>(start ? [{ path: start }] : []);
  const [focus, setFocus] = useState(0);
  const [notice, setNotice] = useState('');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const screen = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!start) return;
    setHistory([{ path: start }]);
    setFocus(0);
    setNotice('');
  }, [start]);

  const place = history[history.length - 1];
  const source = place ? fileText(compiled, place.path) : undefined;
  const deck = useMemo(() => (source ? parseDeck(source) : undefined), [source]);
  const card = deck?.ok ? cardOf(deck.cards, place?.card) : undefined;
  const links = card ? card.paragraphs.flat().filter((i): i is Extract<Inline, { kind: 'link' }> => i.kind === 'link') : [];

  useEffect(() => {
    screen.current?.querySelector('.is-focused')?.scrollIntoView({ block: 'nearest' });
  }, [focus, card]);

  const go = (to: Place) => {
    setHistory((h) => [...h, to]);
    setFocus(0);
    setNotice('');
    screen.current?.scrollTo({ top: 0 });
  };
  const follow = (link: Extract<Inline, { kind: 'link' }> | undefined) => {
    if (!link || !place) return;
    if (link.post) return setNotice(t('sites.wap1.notSent'));
    const target = linkTarget(place.path, link.href);
    if (target.kind === 'card') return go({ path: place.path, card: target.card });
    if (target.kind === 'call') return setNotice(t('sites.wap1.call', { number: target.number }));
    if (target.kind === 'external') return setNotice(t('sites.wap1.external', { href: target.href }));
    if (!compiled.files.has(target.path)) return setNotice(t('sites.wap1.missing'));
    go({ path: target.path, ...(target.card ? { card: target.card } : {}) });
  };
  const back = () => {
    if (history.length <= 1) return setNotice(t('sites.wap1.atStart'));
    setHistory((h) => h.slice(0, -1));
    setFocus(0);
    setNotice('');
  };
  const press = (key: string) => {
    const link = links.find((l) => l.accesskey === key);
    if (link) follow(link);
  };
  const move = (by: number) => links.length && setFocus((f) => (f + by + links.length) % links.length);

  const onKey = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      ArrowUp: () => move(-1),
      ArrowDown: () => move(1),
      Enter: () => follow(links[focus]),
      Backspace: back,
      Escape: back,
    };
    const action = actions[event.key] ?? (KEYS.includes(event.key) ? () => press(event.key) : undefined);
    if (!action) return;
    event.preventDefault();
    action();
  };

  let linkIndex = -1;
  const renderInline = (item: Inline, i: number) => {
    switch (item.kind) {
      case 'text':
        return (
          <span key={i} className={`${item.bold ? 'is-bold' : ''}${item.italic ? ' is-italic' : ''}`}>
            {item.text}
          </span>
        );
      case 'br':
        return <br key={i} />;
      case 'img': {
        const src = place ? dataUrlForAssetPath(resolvePath(place.path, item.src)) : undefined;
        return src ? <img key={i} src={src} alt={item.alt} className="ecw-wml-img" /> : <span key={i}>[{item.alt}]</span>;
      }
      case 'input':
        return (
          <input
            key={i}
            className="ecw-wml-input"
            value={inputs[item.name] ?? ''}
            maxLength={item.maxLength}
            onChange={(e) => setInputs((v) => ({ ...v, [item.name]: e.target.value }))}
            aria-label={item.name}
            onKeyDown={(e) => e.stopPropagation()}
          />
        );
      case 'link': {
        const index = ++linkIndex;
        return (
          <span
            key={i}
            className={`ecw-wml-link${index === focus ? ' is-focused' : ''}`}
            onClick={() => (setFocus(index), follow(item))}
            data-testid="wml-link"
          >
            {item.text}
          </span>
        );
      }
    }
  };

  return (
    <div className="ecw-featurephone" tabIndex={0} onKeyDown={onKey} aria-label={t('sites.preview.wap1')} data-testid="wap1-phone">
      <div className="ecw-fp-brand">{t('sites.wap1.brand')}</div>
      <div className="ecw-fp-screen">
        <div className="ecw-fp-title" data-testid="wml-title">
          {card?.title ?? ''}
        </div>
        <div className="ecw-fp-body" ref={screen} data-testid="wml-body">
          {deck && !deck.ok ? <p className="ecw-fp-error">{t('sites.wap1.invalid', { error: deck.error })}</p> : null}
          {!source ? <p className="ecw-fp-error">{t('sites.preview.noPage')}</p> : null}
          {card?.paragraphs.map((line, i) => (
            <p key={i}>{line.map(renderInline)}</p>
          ))}
        </div>
        {notice ? (
          <div className="ecw-fp-notice" data-testid="wml-notice">
            {notice}
          </div>
        ) : null}
        <div className="ecw-fp-softkeys">
          <span>{links.length ? t('sites.wap1.select') : ''}</span>
          <span>{history.length > 1 || card?.prevLabel ? (card?.prevLabel ?? t('sites.wap1.back')) : ''}</span>
        </div>
      </div>
      <div className="ecw-fp-keys">
        <button type="button" className="ecw-fp-soft" onClick={() => follow(links[focus])} data-testid="wml-key-select">
          {t('sites.wap1.select')}
        </button>
        <div className="ecw-fp-nav">
          <button type="button" onClick={() => move(-1)} aria-label={t('sites.wap1.up')} data-testid="wml-key-up">
            ▲
          </button>
          <button type="button" onClick={() => move(1)} aria-label={t('sites.wap1.down')} data-testid="wml-key-down">
            ▼
          </button>
        </div>
        <button type="button" className="ecw-fp-soft" onClick={back} data-testid="wml-key-back">
          {t('sites.wap1.back')}
        </button>
      </div>
      <div className="ecw-fp-pad">
        {KEYS.map((key) => (
          <button key={key} type="button" onClick={() => press(key)} data-testid={`wml-key-${key}`}>
            {key}
          </button>
        ))}
      </div>
      <Typography.Text type="secondary" className="ecw-small ecw-fp-hint">
        {t('sites.wap1.hint')}
      </Typography.Text>
    </div>
  );
}
