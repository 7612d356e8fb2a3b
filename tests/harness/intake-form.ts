import type { IntakeForm } from '../../preload/contract';

/** A form that passes every check: 施工噪音 in 虎丘区, dispatched to 城市管理局. */
export const completeIntakeForm: IntakeForm = {
  channel: '电话',
  callerName: '王芳',
  contactNumber: '138-1234-5678',
  anonymous: false,
  confidential: false,
  requestType: '投诉',
  categoryCode: '040101',
  regionCode: '320505001',
  address: '长江路 1 号',
  title: '夜间施工噪音扰民',
  content: '长江路工地每晚 22 点后施工，持续一周，噪音很大。',
  urgency: 'normal',
  handlingMode: 'dispatch',
  reply: '',
  citedEntryId: null,
  leadDepartment: '城市管理局',
  coDepartments: ['住房和城乡建设局'],
  dispatchNote: '请核查夜间施工许可',
  callbackWanted: true,
  callbackMethod: 'phone',
  enterpriseName: '',
  creditCode: '',
  enterpriseMode: '',
};
