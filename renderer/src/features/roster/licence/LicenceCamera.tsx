/**
 * 拍照识别: the computer's camera pointed at the licence the customer holds up. The preview runs
 * in the page (getUserMedia, video only; in Electron main grants the camera to the app's own page
 * only); 拍摄 takes the current frame as a JPEG at the camera's full size and hands it on to be read.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import '../roster.css';

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; reason: string };

/** The i18n key of a getUserMedia failure. */
function failureKey(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'licence.camera.denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'licence.camera.none';
  if (name === 'NotReadableError') return 'licence.camera.busy';
  return 'licence.camera.failed';
}

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The video's current frame as a JPEG file. */
function captureFrame(video: HTMLVideoElement): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(new File([blob], '营业执照-拍照.jpg', { type: 'image/jpeg' })) : reject(new Error('no frame'))),
      'image/jpeg',
      0.92,
    ),
  );
}

export function LicenceCamera({ open, onClose, onCapture }: { open: boolean; onClose: () => void; onCapture: (photo: File) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    setState({ kind: 'starting' });
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('no getUserMedia'), { name: 'NotFoundError' });
        // The back camera on a tablet; a laptop's only camera otherwise. Full HD if it has it: print stays legible.
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        });
        if (cancelled || !video.current) return stopStream(stream);
        video.current.srcObject = stream;
        await video.current.play();
        if (!cancelled) setState({ kind: 'live' });
      } catch (error) {
        if (!cancelled) setState({ kind: 'failed', reason: failureKey(error) });
      }
    })();
    return () => {
      cancelled = true;
      stopStream(stream);
    };
  }, [open]);

  async function capture() {
    if (!video.current || state.kind !== 'live') return;
    const photo = await captureFrame(video.current);
    onClose();
    onCapture(photo);
  }

  return (
    <Modal
      open={open}
      title={t('licence.camera.title')}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<CameraOutlined />}
            disabled={state.kind !== 'live'}
            onClick={() => void capture()}
            data-testid="licence-camera-capture"
          >
            {t('licence.camera.capture')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('licence.camera.hint')}</Typography.Text>
        {state.kind === 'failed' ? (
          <Alert type="error" showIcon title={t(state.reason)} data-testid="licence-camera-failed" />
        ) : (
          <video
            ref={video}
            muted
            playsInline
            className="ecw-licence-camera"
            data-testid="licence-camera-preview"
            aria-label={t('licence.camera.preview')}
          />
        )}
      </Space>
    </Modal>
  );
}
