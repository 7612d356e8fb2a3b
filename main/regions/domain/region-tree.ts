/** 行政区划: province → city → county → township, codes of 2, 4, 6 and 9 digits. */
export interface RegionNode {
  readonly code: string;
  readonly name: string;
  readonly children?: readonly RegionNode[];
}

export interface Township {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly cityCode: string;
  readonly cityName: string;
}

/** Every township under `root` (a province, city or county node), with its parents' names. */
export const townshipsOf = (root: RegionNode, within?: string): Township[] => {
  const out: Township[] = [];
  const walk = (node: RegionNode, city?: RegionNode, county?: RegionNode): void => {
    if (node.code.length === 4) city = node;
    if (node.code.length === 6) county = node;
    if (node.code.length === 9 && city && county) {
      if (!within || node.code.startsWith(within)) {
        out.push({
          code: node.code,
          name: node.name,
          countyCode: county.code,
          countyName: county.name,
          cityCode: city.code,
          cityName: city.name,
        });
      }
      return;
    }
    for (const child of node.children ?? []) walk(child, city, county);
  };
  walk(root);
  return out;
};
