/** The bakery's products and prices: its backend's price list is the one an order is charged by. */
export interface Product {
  id: string;
  name: { en: string; ru: string };
  /** Kopecks. */
  price: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'bread', name: { en: 'Rye bread', ru: 'Ржаной хлеб' }, price: 12_000 },
  { id: 'croissant', name: { en: 'Croissant', ru: 'Круассан' }, price: 9_500 },
  { id: 'milk', name: { en: 'Farm milk, 1 l', ru: 'Фермерское молоко, 1 л' }, price: 14_900 },
  { id: 'cake', name: { en: 'Honey cake', ru: 'Медовик' }, price: 48_000 },
];
