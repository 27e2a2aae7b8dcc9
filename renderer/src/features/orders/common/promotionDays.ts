/** How a promotion order (门户首页推荐) reads on screen: its kind's label and the days it shows. */
import type { TFunction } from 'i18next';
import { promotionLastDay } from '../../../../../shared/domain/catalog';
import type { Order } from '../../../../../shared/domain/order';

export const lastPromotionDay = (promotion: NonNullable<Order['promotion']>): string =>
  promotionLastDay(promotion.startDate, promotion.months);

/** 开户 / 变更套餐 / 取消套餐, or 门户首页推荐 for a promotion (an open order of its own). */
export const orderKindLabel = (t: TFunction, order: Pick<Order, 'kind' | 'promotion'>): string =>
  t(order.promotion ? 'orders.kind.promotion' : `orders.kind.${order.kind}`);

/** A promotion's days (2026-12-04 至 2027-03-03（3 个月）); an order's effective date otherwise. */
export const orderDates = (t: TFunction, order: Pick<Order, 'effectiveDate' | 'promotion'>): string =>
  order.promotion
    ? t('orders.promotion.periodValue', {
        start: order.promotion.startDate,
        last: lastPromotionDay(order.promotion),
        months: order.promotion.months,
      })
    : order.effectiveDate;
