/** Choosing a picture already on this machine: from the unsorted tray, or one the site shows elsewhere. */
import { Empty, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImageRef, SiteContent } from '../../../../../../shared/sites/model';
import { useBuilder } from '../../state/siteStore';
import { Thumb } from './Thumb';

export interface PickedImage {
  image: ImageRef;
  /** The tray entry it came from, when it came from the tray. */
  entryId?: string;
}

function siteImages(content: SiteContent): ImageRef[] {
  const found = new Map<string, ImageRef>();
  JSON.stringify({ ...content, unsorted: [] }, (_key, value: unknown) => {
    const v = value as Partial<ImageRef> | null;
    if (v && typeof v === 'object' && typeof v.sha256 === 'string' && typeof v.alt === 'string' && !found.has(v.sha256))
      found.set(v.sha256, v as ImageRef);
    return value;
  });
  return [...found.values()];
}

function Choice({ picked, onPick }: { picked: PickedImage; onPick: (p: PickedImage) => void }) {
  return (
    <button type="button" className="ecw-pick-choice" onClick={() => onPick(picked)} data-testid="image-choice">
      <Thumb image={picked.image} size={88} />
      <span className="ecw-pick-name">{picked.image.fileName ?? picked.image.alt}</span>
    </button>
  );
}

export function ImagePicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (picked: PickedImage) => void }) {
  const { t } = useTranslation();
  const content = useBuilder((s) => s.site?.content);
  if (!content) return null;
  const fromTray: PickedImage[] = content.unsorted.flatMap((entry) => entry.images.map((image) => ({ image, entryId: entry.id })));
  const inSite: PickedImage[] = siteImages(content).map((image) => ({ image }));
  const pick = (p: PickedImage) => {
    onPick(p);
    onClose();
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('sites.image.pickTitle')} width={720}>
      <Typography.Title level={5}>{t('sites.image.fromTray')}</Typography.Title>
      {fromTray.length ? (
        <div className="ecw-pick-grid">
          {fromTray.map((p) => (
            <Choice key={`${p.entryId}:${p.image.sha256}`} picked={p} onPick={pick} />
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.image.trayEmpty')} />
      )}
      <Typography.Title level={5}>{t('sites.image.inSite')}</Typography.Title>
      {inSite.length ? (
        <div className="ecw-pick-grid">
          {inSite.map((p) => (
            <Choice key={p.image.sha256} picked={p} onPick={pick} />
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Modal>
  );
}
