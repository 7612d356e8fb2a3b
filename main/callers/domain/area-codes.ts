/** Telephone area codes of Jiangsu's 13 cities, by the first four digits of the division code. */
export const JIANGSU_AREA_CODES: Readonly<Record<string, string>> = {
  '3201': '025', // 南京
  '3202': '0510', // 无锡
  '3203': '0516', // 徐州
  '3204': '0519', // 常州
  '3205': '0512', // 苏州
  '3206': '0513', // 南通
  '3207': '0518', // 连云港
  '3208': '0517', // 淮安
  '3209': '0515', // 盐城
  '3210': '0514', // 扬州
  '3211': '0511', // 镇江
  '3212': '0523', // 泰州
  '3213': '0527', // 宿迁
};

export const areaCodeForDivision = (divisionCode: string): string | undefined => JIANGSU_AREA_CODES[divisionCode.slice(0, 4)];
