// A generated encyclopedia at the real size (72 k 政务信息, 150 k 政策问答) for benchmarks: Jiangsu
// regions, common topics with realistic word frequencies (公积金, 社保 and 医保 are everywhere), ~300
// characters per information entry. Seeded, so every run measures the same corpus.
import { seededRandom } from '../../main/demo/random';
import type { KbEntryInput } from '../../main/kb/domain/kb-entry';

interface Topic {
  readonly words: readonly string[];
  readonly subjects: readonly string[];
  readonly department: string;
}

const TOPICS: readonly Topic[] = [
  {
    words: ['住房公积金', '公积金'],
    subjects: ['租房提取', '购房提取', '贷款', '缴存基数调整', '异地转移', '退休提取', '账户封存', '补缴'],
    department: '住房公积金管理中心',
  },
  {
    words: ['社会保险', '社保'],
    subjects: ['养老保险缴费', '失业保险金申领', '工伤认定', '生育津贴', '社保卡补办', '缴费基数', '转移接续', '退休待遇核定'],
    department: '人力资源和社会保障局',
  },
  {
    words: ['医疗保险', '医保'],
    subjects: ['门诊报销', '异地就医备案', '住院结算', '医保卡挂失', '慢特病认定', '参保登记', '新生儿参保', '大病保险'],
    department: '医疗保障局',
  },
  {
    words: ['户籍', '户口'],
    subjects: ['落户', '迁移', '新生儿入户', '分户', '户口本补办', '人才落户', '投靠落户', '户籍证明'],
    department: '公安局',
  },
  { words: ['居住证'], subjects: ['申领', '签注', '积分', '补办'], department: '公安局' },
  {
    words: ['义务教育', '入学'],
    subjects: ['小学报名', '初中划片', '随迁子女入学', '学籍转出', '积分入学'],
    department: '教育局',
  },
  {
    words: ['机动车驾驶证', '驾驶证'],
    subjects: ['换证', '补证', '初次申领', '满分学习', '期满换领'],
    department: '公安局交通警察支队',
  },
  { words: ['营业执照', '个体工商户'], subjects: ['设立登记', '变更登记', '注销', '年报'], department: '市场监督管理局' },
  { words: ['最低生活保障', '低保'], subjects: ['申请', '复核', '临时救助', '特困供养'], department: '民政局' },
  { words: ['不动产登记', '房产证'], subjects: ['首次登记', '转移登记', '抵押登记', '查询'], department: '自然资源和规划局' },
  { words: ['个人所得税'], subjects: ['专项附加扣除', '汇算清缴', '退税'], department: '税务局' },
  { words: ['公共租赁住房', '公租房'], subjects: ['申请', '轮候', '租金补贴'], department: '住房和城乡建设局' },
  { words: ['残疾人', '残疾证'], subjects: ['两项补贴', '残疾证办理', '辅助器具'], department: '残疾人联合会' },
  {
    words: ['就业创业'],
    subjects: ['创业担保贷款', '一次性创业补贴', '失业登记', '职业技能补贴'],
    department: '人力资源和社会保障局',
  },
];

const REGIONS: readonly { code: string; name: string }[] = [
  { code: '32', name: '江苏省' },
  ...['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'].map(
    (name, index) => ({
      code: `32${String(index + 1).padStart(2, '0')}`,
      name: `${name}市`,
    }),
  ),
  { code: '320505', name: '苏州市虎丘区' },
  { code: '320583', name: '昆山市' },
  { code: '320106', name: '南京市鼓楼区' },
  { code: '000000', name: '全国' },
];

const SENTENCES = [
  '申请人应当通过{region}政务服务网或就近的政务服务中心窗口提交申请，',
  '办理{word}{subject}须提供本人有效身份证件、{word}相关证明材料及银行账户信息，',
  '符合条件的，{department}在受理后{days}个工作日内作出决定并告知申请人，',
  '材料不齐全或不符合法定形式的，窗口一次性告知需要补正的全部内容，',
  '本事项不收取费用，可全程网上办理，也可通过“苏服办”App 预约办理，',
  '{word}{subject}的具体标准按{region}当年度公布的政策执行，',
  '咨询电话 12345，工作时间为工作日上午 9:00 至 12:00、下午 13:30 至 17:00，',
  '对办理结果有异议的，可依法申请行政复议或者提起行政诉讼。',
  '逾期未办理的，可持原件到{department}服务窗口补办，',
];

const QUESTIONS = [
  '在{city}{subject}{word}需要什么材料？',
  '{word}{subject}怎么办理？',
  '{city}{word}{subject}要多久？',
  '我想办{word}{subject}，去哪里办？',
  '{word}{subject}可以网上办理吗？',
  '外地户口能在{city}办理{word}{subject}吗？',
  '{word}{subject}的条件是什么？',
];

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

export const generateKbCorpus = function* (options: {
  info: number;
  qa: number;
  seed?: number;
  today: string;
}): Generator<KbEntryInput> {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const validity = (): Pick<KbEntryInput, 'validFrom' | 'validTo'> => {
    const r = random();
    if (r < 0.04) return { validFrom: '2022-01-01', validTo: '2024-12-31' }; // expired: must be hidden
    if (r < 0.06) return { validFrom: '2027-01-01', validTo: null }; // not yet in force
    return { validFrom: null, validTo: null };
  };
  for (let index = 0; index < options.info; index += 1) {
    const topic = pick(TOPICS);
    const region = pick(REGIONS);
    const word = pick(topic.words);
    const subject = pick(topic.subjects);
    const values = {
      region: region.name,
      word,
      subject,
      department: `${region.code === '000000' ? '' : region.name}${topic.department}`,
      days: String(1 + Math.floor(random() * 15)),
    };
    let body = '';
    while (body.length < 280) body += fill(pick(SENTENCES), values);
    yield {
      id: `gen-info-${String(index).padStart(6, '0')}`,
      version: 1,
      kind: 'info',
      title: `${region.name}${word}${subject}${pick(['办事指南', '办理流程', '政策解读', '服务指南', '申请须知'])}`,
      body,
      department: values.department,
      regionCode: region.code,
      timeLimit: `${values.days} 个工作日`,
      place: `${region.name}政务服务中心 ${1 + Math.floor(random() * 30)} 号窗口`,
      phone: '12345',
      ...validity(),
      tags: [word, subject],
    };
  }
  for (let index = 0; index < options.qa; index += 1) {
    const topic = pick(TOPICS);
    const region = pick(REGIONS);
    const word = pick(topic.words);
    const subject = pick(topic.subjects);
    const values = {
      region: region.name,
      city: region.name,
      word,
      subject,
      department: `${region.name}${topic.department}`,
      days: String(1 + Math.floor(random() * 15)),
    };
    let answer = '';
    while (answer.length < 120) answer += fill(pick(SENTENCES), values);
    yield {
      id: `gen-qa-${String(index).padStart(6, '0')}`,
      version: 1,
      kind: 'qa',
      title: fill(pick(QUESTIONS), values),
      body: answer,
      department: values.department,
      regionCode: region.code,
      ...validity(),
      tags: [word],
    };
  }
};
