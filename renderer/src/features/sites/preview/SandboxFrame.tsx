/**
 * A compiled page shown in an iframe with an empty sandbox (no scripts, no same-origin, no forms,
 * no navigation of the app), drawn at `width` × `height` CSS pixels and scaled to fit `scale`.
 */
interface Props {
  html: string;
  width: number;
  height: number;
  scale?: number;
  title: string;
  testId?: string;
}

export function SandboxFrame({ html, width, height, scale = 1, title, testId }: Props) {
  return (
    <div className="ecw-frame-box" style={{ width: width * scale, height: height * scale }}>
      <iframe
        sandbox=""
        referrerPolicy="no-referrer"
        title={title}
        srcDoc={html}
        data-testid={testId}
        style={{ width, height, transform: scale === 1 ? undefined : `scale(${scale})`, transformOrigin: '0 0' }}
      />
    </div>
  );
}
