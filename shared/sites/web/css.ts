/** The WEB style sheet, from the template's palette and layout. */
import type { LayoutOptions, Palette } from '../templates/types';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Palette colours are template data; anything that is not a plain hex colour falls back, so CSS cannot be injected. */
function safePalette(p: Palette): Palette {
  const fallback: Palette = {
    primary: '#1a4f8b',
    onPrimary: '#ffffff',
    accent: '#c62828',
    background: '#ffffff',
    surface: '#f5f5f5',
    text: '#222222',
    muted: '#666666',
    border: '#dddddd',
  };
  return Object.fromEntries(
    Object.entries(fallback).map(([k, v]) => [k, COLOUR.test(p[k as keyof Palette]) ? p[k as keyof Palette] : v]),
  ) as unknown as Palette;
}

export function webCss(palette: Palette, layout: LayoutOptions['web']): string {
  const p = safePalette(palette);
  const grid = layout.productLayout === 'grid';
  return `:root{--primary:${p.primary};--on-primary:${p.onPrimary};--accent:${p.accent};--bg:${p.background};--surface:${p.surface};--text:${p.text};--muted:${p.muted};--border:${p.border}}
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.7;color:var(--text);background:var(--bg)}
a{color:var(--primary)}
img{max-width:100%;height:auto}
.site-header{background:var(--primary);color:var(--on-primary);padding:16px}
.site-header a{color:var(--on-primary);text-decoration:none}
.brand{display:flex;align-items:center;gap:12px;font-size:1.5rem;font-weight:bold}
.brand img{width:48px;height:48px;background:#fff;border-radius:4px}
.slogan{margin:4px 0 0;opacity:.9}
.site-nav{background:var(--surface);border-bottom:1px solid var(--border)}
.site-nav ul{list-style:none;margin:0 auto;padding:0 8px;display:flex;flex-wrap:wrap;max-width:1100px}
.site-nav a{display:block;padding:10px 14px;text-decoration:none}
.site-nav a[aria-current]{font-weight:bold;border-bottom:3px solid var(--primary)}
main{max-width:1100px;margin:0 auto;padding:16px}
.hero{margin:0 0 16px}
.hero img{width:100%;max-height:420px;object-fit:cover;border-radius:6px}
.banner{background:var(--surface);border-left:6px solid var(--primary);padding:24px;margin:0 0 16px}
.cards{list-style:none;padding:0;display:grid;gap:16px;grid-template-columns:${grid ? 'repeat(auto-fill,minmax(220px,1fr))' : '1fr'}}
.card{background:var(--surface);border:1px solid var(--border);border-radius:6px;padding:12px}
.card img{width:100%;object-fit:cover;border-radius:4px}
.card h2,.card h3{font-size:1.1rem;margin:.4em 0}
.price{color:var(--accent);font-weight:bold}
.meta{color:var(--muted);font-size:.9rem}
.pager{display:flex;gap:12px;margin:16px 0}
.site-footer{background:var(--surface);border-top:1px solid var(--border);padding:16px;margin-top:24px}
.site-footer address{font-style:normal;max-width:1100px;margin:0 auto}
figure{margin:16px 0}
figcaption{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;margin:12px 0}
th,td{border:1px solid var(--border);padding:4px 8px}
form p{margin:8px 0}
label{display:block}
input,textarea{width:100%;max-width:480px;font:inherit;padding:6px}
button{font:inherit;padding:6px 18px;background:var(--primary);color:var(--on-primary);border:0;border-radius:4px}
@media (max-width:600px){.brand{font-size:1.2rem}main{padding:12px}}
`;
}
