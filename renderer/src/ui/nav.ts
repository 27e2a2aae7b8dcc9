/** An entry of the header's navigation; each feature contributes its own. */
export interface NavEntry {
  path: string;
  labelKey: string;
}
