import type { RouteObject } from 'react-router';

/** Order wizard and service order pages. */
export const orderRoutes: RouteObject[] = [];
