/**
 * The antd theme. Besides the brand green, every colour that text is drawn in reaches WCAG AA
 * (4.5:1) on the white and light-grey surfaces it sits on: antd's defaults for secondary text
 * (3.4:1), placeholders (1.8:1), links and the status colours (error 3.3:1, warning 1.9:1,
 * success 2.3:1) and the text of its light tags fall short. The e2e suite's accessibility check
 * (test/e2e/accessibility.ts) holds the app to it.
 */
import type { ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0a7d5a',
    // Hover darkens instead of lightening: a lighter green under white or on white is under 4.5:1.
    colorPrimaryHover: '#086b4d',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    // Text only: as seeds, these two would also turn the light backgrounds made from them grey.
    colorWarningText: '#995c00',
    colorSuccessText: '#237804',
    colorLinkHover: '#003eb3',
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // The text of light preset tags (<Tag color="orange">) is the 7th shade of the colour; antd
    // names it twice (orange7 and the legacy orange-7), and both make the same CSS variable.
    orange7: '#ad4e00',
    'orange-7': '#ad4e00',
    green7: '#237804',
    'green-7': '#237804',
    gold7: '#874d00',
    'gold-7': '#874d00',
    borderRadius: 6,
  },
};
