import type { PickerItem } from '../../preload/contract';
import categoriesFile from '../data/intake/categories.json';
import configFile from '../data/intake/intake-config.json';
import regionFile from '../data/regions/jiangsu-pcas-code.json';
import type { RegionNode } from '../regions/domain/region-tree';
import {
  type Category,
  type IntakeConfig,
  categoriesFileSchema,
  flattenCategories,
  intakeConfigSchema,
} from './domain/intake-reference';
import { pinyinKeys } from './domain/pinyin-keys';

export interface IntakeReference {
  readonly config: IntakeConfig;
  readonly categories: readonly (Category & PickerItem)[];
  readonly categoryByCode: ReadonlyMap<string, Category>;
  readonly regions: readonly PickerItem[];
  readonly departments: readonly PickerItem[];
  readonly regionCodes: ReadonlySet<string>;
}

/** Cities, counties and townships as picker items; the province itself is not a place to pick. */
const regionItems = (root: RegionNode): PickerItem[] => {
  const out: PickerItem[] = [];
  const walk = (node: RegionNode, parents: readonly string[]): void => {
    const names = [...parents, node.name];
    if (node.code.length > 2) {
      out.push({
        code: node.code,
        name: node.name,
        path: names.slice(1).join(' / '),
        level: node.code.length === 4 ? 1 : node.code.length === 6 ? 2 : 3,
        ...pinyinKeys(node.name),
      });
    }
    for (const child of node.children ?? []) walk(child, names);
  };
  walk(root, []);
  return out;
};

/**
 * Loads and validates the bundled reference data once (pinyin keys take ~50 ms for 1,600 places).
 * Invalid data is a build error here, and a rejected sync payload later.
 */
export const loadIntakeReference = (): IntakeReference => {
  const config = intakeConfigSchema.parse(configFile);
  const categories = flattenCategories(categoriesFileSchema.parse(categoriesFile)).map((category) => ({
    ...category,
    ...pinyinKeys(category.name),
  }));
  const regions = regionItems((regionFile as RegionNode[])[0] as RegionNode);
  return {
    config,
    categories,
    categoryByCode: new Map(categories.map((category) => [category.code, category])),
    regions,
    regionCodes: new Set(regions.filter((region) => region.level >= 2).map((region) => region.code)),
    departments: config.departments.map((name) => ({ code: name, name, path: name, level: 1, ...pinyinKeys(name) })),
  };
};
