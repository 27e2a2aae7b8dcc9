/**
 * A photo named by the prize it shows ("获奖合影.jpg", "颁奖.jpg") goes with the news that tells of the prize
 * ("…获得儿童组冠军"), though the news's title does not use the photo's words: when exactly one news item tells
 * of a prize, it is that one.
 */
import { plainText, type Article, type Column } from '../../../../shared/sites/model';
import { photoStem } from './photos';

/** A photo's name saying it shows a prize being won or given. */
const PRIZE_PHOTO = /获奖|颁奖|领奖|夺冠|捧杯|奖杯|喜报/;
/** A news text telling of a prize won (not "获得好评"); medals counted ("获得5金3银4铜") too. */
const PRIZE_NEWS = /获奖|荣获|夺得|冠军|亚军|季军|[金银铜]奖|[一二三特]等奖|优秀奖|[金银铜]牌|\d+\s*金\s*\d+\s*银/;

export function prizeNewsOf(fileName: string, columns: Column[]): { item: Article; column: Column } | undefined {
  if (!PRIZE_PHOTO.test(photoStem(fileName))) return undefined;
  const told = columns
    .filter((column) => column.type === 'news')
    .flatMap((column) =>
      column.items
        .filter((item): item is Article => item.kind === 'article' && PRIZE_NEWS.test(`${item.title}\n${plainText(item.body)}`))
        .map((item) => ({ item, column })),
    );
  return told.length === 1 ? told[0] : undefined;
}
