/** Templates are data: an industry's default columns, per-channel layout and three colour styles. */
import type { ColumnType } from '../model';

export interface Palette {
  /** Header, links, buttons. */
  primary: string;
  /** Text on `primary`. */
  onPrimary: string;
  /** Prices, highlights. */
  accent: string;
  background: string;
  /** Cards and panels on the background. */
  surface: string;
  text: string;
  muted: string;
  border: string;
}

export interface ColourStyle {
  id: string;
  name: string;
  palette: Palette;
}

export interface WebLayout {
  /** What the home page opens with: the first intro image, a coloured banner, or the logo only. */
  hero: 'photo' | 'banner' | 'plain';
  productLayout: 'grid' | 'list';
  itemsPerPage: number;
  showSlogan: boolean;
}

export interface PhoneLayout {
  itemsPerPage: number;
  showImages: boolean;
}

export interface LayoutOptions {
  web: WebLayout;
  wap2: PhoneLayout;
  wap1: PhoneLayout;
}

export interface SiteTemplate {
  id: string;
  name: string;
  /** GB/T 4754 门类 codes and 大类 codes this template suits (divisions are matched first). */
  sections: string[];
  divisions: string[];
  /** Columns a new site of this industry starts with, in order. */
  defaultColumns: { type: ColumnType; title: string }[];
  layout: LayoutOptions;
  styles: [ColourStyle, ColourStyle, ColourStyle];
}
