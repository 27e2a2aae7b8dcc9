import type { RouteObject } from 'react-router';

/** The order flow: choose and quote, then the service order (sign, print, submit). Loaded when opened. */
export const orderRoutes: RouteObject[] = [
  { path: 'enterprises/:id/orders/new', lazy: async () => ({ Component: (await import('./new/NewOrderPage')).NewOrderPage }) },
  { path: 'orders/:orderId', lazy: async () => ({ Component: (await import('./order/OrderPage')).OrderPage }) },
];
