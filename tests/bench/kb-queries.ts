/**
 * What agents type while the caller is still talking: 1–8 characters, the most common topics most
 * often (社保, 医保, 公积金, 落户 …), sometimes a phrase (公积金提取, 异地就医备案), sometimes one
 * character. Deterministic: the same 240 queries every run.
 */
export const BENCH_QUERIES: readonly string[] = (() => {
  const short = [
    '社保',
    '医保',
    '公积金',
    '落户',
    '户口',
    '低保',
    '驾照',
    '个税',
    '房',
    '税',
    '证',
    '医',
    '学',
    '补贴',
    '退休',
    '失业',
    '工伤',
    '生育',
    '入学',
    '居住证',
    '残疾证',
    '公租房',
    '营业执照',
    '房产证',
  ];
  const phrases = [
    '公积金提取',
    '租房提取',
    '异地就医',
    '异地就医备案',
    '门诊报销',
    '社保卡补办',
    '新生儿入户',
    '人才落户',
    '驾驶证换证',
    '个体工商户注销',
    '失业保险金',
    '养老保险缴费',
    '退休待遇核定',
    '专项附加扣除',
    '住院结算',
    '积分入学',
    '随迁子女入学',
    '公租房申请',
    '创业担保贷款',
    '不动产登记查询',
    '护士执业注册',
    '律师执业',
    '公证指引',
    '离婚登记预约',
    '港澳通行证',
    '出口退税',
    '医师资格认定',
    '非物质文化遗产',
    '食品经营许可',
    '建筑师注册',
  ];
  const out: string[] = [];
  for (let round = 0; round < 4; round += 1) out.push(...short);
  for (let round = 0; round < 4; round += 1) out.push(...phrases);
  return out.filter((query) => Array.from(query).length <= 8);
})();
