/** The orders feature: its pages, and the pieces other pages show (an order's status, a stored document). */
import type { RouteObject } from 'react-router';
import { lazyPart } from '../../ui/lazyPart';

export { OrderStatusTag } from './common/OrderStatusTag';
export { orderDates, orderKindLabel } from './common/promotionDays';
/** The signed PDF with 打印 and 下载 (loaded with the page that shows it). */
/** An opened enterprise's SMS usage against its plan and the month's bill. */
export const SmsUsageCard = lazyPart(async () => (await import('./usage/SmsUsageCard')).SmsUsageCard);
export const DocumentViewer = lazyPart(async () => (await import('./documents/DocumentViewer')).DocumentViewer);

/** The order flow: choose and quote, then the service order (sign, print, submit). Loaded when opened. */
export const orderRoutes: RouteObject[] = [
  { path: 'enterprises/:id/orders/new', lazy: async () => ({ Component: (await import('./new/NewOrderPage')).NewOrderPage }) },
  { path: 'orders/:orderId', lazy: async () => ({ Component: (await import('./order/OrderPage')).OrderPage }) },
];
