/** Words the demo data is made of: common surnames and given names, and typical 12345 matters. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN_NAMES =
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建华 建国 志强 海燕 玉兰 晓东 文博 子涵 欣怡 浩然 雨桐 俊杰 思远 佳怡 梓轩 一诺 国庆 春梅'.split(
    ' ',
  );

export interface MatterTemplate {
  readonly requestType: '咨询' | '求助' | '投诉' | '举报' | '建议' | '表扬' | '其他';
  readonly categoryCode: string;
  readonly title: string;
  readonly content: string;
  readonly department: string;
}

/** `{place}` is filled with the township and a street address. */
export const MATTERS: readonly MatterTemplate[] = [
  {
    requestType: '投诉',
    categoryCode: '040101',
    title: '夜间施工噪音扰民',
    content: '来电人反映{place}附近工地夜间22点后仍在施工，噪音很大，影响休息，已持续一周，要求相关部门处理。',
    department: '住房和城乡建设局',
  },
  {
    requestType: '投诉',
    categoryCode: '040102',
    title: '商铺音响噪音扰民',
    content: '来电人反映{place}沿街商铺每天用大功率音响招揽顾客，噪音持续到晚上，要求整改。',
    department: '城市管理局',
  },
  {
    requestType: '咨询',
    categoryCode: '010201',
    title: '社保缴费基数咨询',
    content: '来电人咨询灵活就业人员社保缴费基数及缴费方式，住址{place}。',
    department: '人力资源和社会保障局',
  },
  {
    requestType: '咨询',
    categoryCode: '010202',
    title: '医保异地就医备案咨询',
    content: '来电人咨询父母异地就医备案的办理流程和所需材料，住址{place}。',
    department: '医疗保障局',
  },
  {
    requestType: '咨询',
    categoryCode: '010301',
    title: '公积金提取咨询',
    content: '来电人咨询租房提取住房公积金的条件、额度和办理渠道。',
    department: '住房公积金管理中心',
  },
  {
    requestType: '求助',
    categoryCode: '050201',
    title: '小区停水求助',
    content: '来电人反映{place}小区自早上起停水，未见通知，家中有老人，请求尽快恢复供水。',
    department: '水务集团',
  },
  {
    requestType: '求助',
    categoryCode: '050301',
    title: '路灯不亮',
    content: '来电人反映{place}路段多盏路灯不亮，夜间出行不安全，要求维修。',
    department: '城市管理局',
  },
  {
    requestType: '投诉',
    categoryCode: '060101',
    title: '拖欠工资',
    content: '来电人反映在{place}某公司工作，被拖欠三个月工资共计约两万元，多次讨要未果，要求协调。',
    department: '人力资源和社会保障局',
  },
  {
    requestType: '举报',
    categoryCode: '040301',
    title: '违章搭建',
    content: '来电人举报{place}某住户在楼顶违章搭建彩钢板房，存在安全隐患，要求查处。',
    department: '城市管理局',
  },
  {
    requestType: '投诉',
    categoryCode: '040201',
    title: '垃圾清运不及时',
    content: '来电人反映{place}垃圾桶满溢多日无人清运，异味严重，要求处理。',
    department: '城市管理局',
  },
  {
    requestType: '投诉',
    categoryCode: '070101',
    title: '物业服务纠纷',
    content: '来电人反映{place}小区物业公司未按约定提供保洁和安保服务，却上调物业费，要求协调。',
    department: '住房和城乡建设局',
  },
  {
    requestType: '求助',
    categoryCode: '050401',
    title: '道路积水',
    content: '来电人反映{place}路段雨后积水严重，车辆和行人无法通行，要求疏通排水。',
    department: '水务局',
  },
  {
    requestType: '咨询',
    categoryCode: '010401',
    title: '户口迁移咨询',
    content: '来电人咨询子女随迁落户的条件和办理流程，住址{place}。',
    department: '公安局',
  },
  {
    requestType: '建议',
    categoryCode: '080101',
    title: '增设公交站点建议',
    content: '来电人建议在{place}附近增设公交站点，方便周边居民出行。',
    department: '交通运输局',
  },
  {
    requestType: '投诉',
    categoryCode: '090101',
    title: '网购商品质量投诉',
    content: '来电人反映在本地商家购买的家电存在质量问题，商家拒绝退换，要求维权。',
    department: '市场监督管理局',
  },
  {
    requestType: '表扬',
    categoryCode: '990101',
    title: '表扬社区工作人员',
    content: '来电人表扬{place}社区工作人员帮助独居老人解决生活困难，热情周到。',
    department: '民政局',
  },
  {
    requestType: '咨询',
    categoryCode: '010501',
    title: '新生儿医保参保咨询',
    content: '来电人咨询新生儿参加城乡居民医保的时限和办理渠道。',
    department: '医疗保障局',
  },
  {
    requestType: '求助',
    categoryCode: '050501',
    title: '燃气泄漏隐患',
    content: '来电人反映{place}楼道内有燃气味，担心存在泄漏隐患，请求派人检查。',
    department: '燃气公司',
  },
];

export const QUEUES = ['12345-综合', '12345-企业诉求', '12345-政策咨询'];
export const CHANNELS = ['电话', '电话', '电话', '电话', '网站', '微信', '城市App'];
export const STREET_WORDS = [
  '人民路',
  '长江路',
  '解放路',
  '建设路',
  '中山路',
  '新华路',
  '和平路',
  '文化路',
  '工业园路',
  '滨河路',
];
export const END_CAUSES = ['caller_hangup', 'agent_hangup', 'caller_hangup', 'agent_hangup', 'transferred'];
