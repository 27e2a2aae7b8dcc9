/** Bold, italic and links for the text being edited; buttons keep the focus (and the selection) in the text. */
import { useRef, useState } from 'react';
import { Button, Input, Popover, Space, Tooltip, Typography } from 'antd';
import { BoldOutlined, DisconnectOutlined, ItalicOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isAllowedHref } from '../../../../../../shared/sites/model';
import { normalizeHref } from './runsDom';

const keepFocus = (event: React.MouseEvent) => event.preventDefault();

function editableSelection(): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const node = range.commonAncestorContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest('[contenteditable="true"]') ? range.cloneRange() : null;
}

/** Focus first (focusing moves the caret), then the saved selection. */
function restore(range: Range): void {
  const node = range.commonAncestorContainer;
  ((node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement) as HTMLElement | null)
    ?.closest<HTMLElement>('[contenteditable="true"]')
    ?.focus();
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function InlineToolbar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState('');
  const [hasSelection, setHasSelection] = useState(false);
  const range = useRef<Range | null>(null);

  const startLink = () => {
    range.current = editableSelection();
    const selected = Boolean(range.current && !range.current.collapsed);
    setHasSelection(selected);
    if (!selected) {
      setError(t('sites.richtext.selectFirst'));
      setOpen(true);
      return;
    }
    setError('');
    setHref('');
    setOpen(true);
  };
  const applyLink = () => {
    const target = normalizeHref(href);
    if (!isAllowedHref(target)) return setError(t('validation.site.link.scheme'));
    if (!range.current) return setOpen(false);
    restore(range.current);
    document.execCommand('createLink', false, target);
    setOpen(false);
  };

  const linkForm = (
    <Space orientation="vertical" size={4} className="ecw-link-form">
      {hasSelection ? (
        <Space.Compact>
          <Input
            autoFocus
            value={href}
            placeholder="https://… / mailto:… / tel:…"
            status={error ? 'error' : undefined}
            onChange={(e) => (setHref(e.target.value), setError(''))}
            onPressEnter={(e) => {
              // The Enter must not reach the text the focus returns to (it would replace the selection).
              e.preventDefault();
              applyLink();
            }}
            aria-label={t('sites.richtext.linkAddress')}
          />
          <Button type="primary" onClick={applyLink}>
            {t('common.confirm')}
          </Button>
        </Space.Compact>
      ) : null}
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Space>
  );

  return (
    <Space size={2} className="ecw-inline-toolbar">
      <Tooltip title={t('sites.richtext.bold')}>
        <Button
          size="small"
          type="text"
          icon={<BoldOutlined />}
          onMouseDown={keepFocus}
          onClick={() => document.execCommand('bold')}
          aria-label={t('sites.richtext.bold')}
        />
      </Tooltip>
      <Tooltip title={t('sites.richtext.italic')}>
        <Button
          size="small"
          type="text"
          icon={<ItalicOutlined />}
          onMouseDown={keepFocus}
          onClick={() => document.execCommand('italic')}
          aria-label={t('sites.richtext.italic')}
        />
      </Tooltip>
      <Popover open={open} onOpenChange={(v) => !v && setOpen(false)} content={linkForm} trigger="click" title={t('sites.richtext.link')}>
        <Tooltip title={t('sites.richtext.link')}>
          <Button
            size="small"
            type="text"
            icon={<LinkOutlined />}
            onMouseDown={keepFocus}
            onClick={startLink}
            aria-label={t('sites.richtext.link')}
          />
        </Tooltip>
      </Popover>
      <Tooltip title={t('sites.richtext.unlink')}>
        <Button
          size="small"
          type="text"
          icon={<DisconnectOutlined />}
          onMouseDown={keepFocus}
          onClick={() => document.execCommand('unlink')}
          aria-label={t('sites.richtext.unlink')}
        />
      </Tooltip>
    </Space>
  );
}
