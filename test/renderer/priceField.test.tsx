/**
 * The editor's price box reads what is typed with the importer's parser and says what it will save:
 * "16.8万元" is 168,000 元 (it once became 16.80 元), unreadable text keeps the saved price and says so.
 */
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PriceField } from '../../renderer/src/features/sites/editor/items/PriceField';
import type { Price } from '../../shared/sites/model';

function Harness({ initial, saved }: { initial?: Price; saved: { price?: Price } }) {
  const [price, setPrice] = useState<Price | undefined>(initial);
  return (
    <PriceField
      value={price}
      onChange={(next) => {
        saved.price = next;
        setPrice(next);
      }}
    />
  );
}

async function typeInto(text: string, initial?: Price) {
  const saved: { price?: Price } = { price: initial };
  render(<Harness initial={initial} saved={saved} />);
  const box = screen.getByTestId<HTMLInputElement>('item-price');
  // Typed over what was there (selected), as a person replaces a price.
  if (text) await userEvent.type(box, text, { initialSelectionStart: 0, initialSelectionEnd: box.value.length });
  else await userEvent.clear(box);
  return { saved, note: screen.getByTestId('item-price-understood').textContent };
}

describe('the price box', () => {
  it('reads 16.8万元 as 168,000 yuan and says so', async () => {
    const { saved, note } = await typeInto('16.8万元');
    expect(saved.price).toEqual({ kind: 'amount', fen: 16_800_000 });
    expect(note).toBe('将保存为：168,000元');
  });

  it('keeps ranges, units and the word for no amount', async () => {
    expect((await typeInto('200-400元/颗')).saved.price).toEqual({ kind: 'amount', fen: 20_000, maxFen: 40_000, unit: '颗' });
    cleanup();
    const { saved, note } = await typeInto('时价');
    expect(saved.price).toEqual({ kind: 'negotiable', text: '时价' });
    expect(note).toBe('将保存为：时价（不标具体金额）');
  });

  it('names text it cannot read and keeps the price that was saved', async () => {
    const { saved, note } = await typeInto('请来电', { kind: 'amount', fen: 36_800 });
    expect(saved.price).toEqual({ kind: 'amount', fen: 36_800 });
    expect(note).toContain('现在保存的仍是：368元');
  });

  it('an empty box means no price', async () => {
    const { saved, note } = await typeInto('', { kind: 'amount', fen: 36_800 });
    expect(saved.price).toBeUndefined();
    expect(note).toBe('不显示价格');
  });
});
