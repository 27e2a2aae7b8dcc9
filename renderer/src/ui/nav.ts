/** An entry of the header's navigation; each feature contributes its own. */
import type { ComponentType } from 'react';

export interface NavEntry {
  path: string;
  labelKey: string;
  /** A small count shown after the label (unhandled leads). */
  Badge?: ComponentType;
}
