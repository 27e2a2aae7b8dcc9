import type { RouteObject } from 'react-router';
import { NewOrderPage } from './new/NewOrderPage';
import { OrderPage } from './order/OrderPage';

/** The order flow: choose and quote, then the service order (sign, print, submit). */
export const orderRoutes: RouteObject[] = [
  { path: 'enterprises/:id/orders/new', element: <NewOrderPage /> },
  { path: 'orders/:orderId', element: <OrderPage /> },
];
