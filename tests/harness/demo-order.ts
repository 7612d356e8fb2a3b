import { uuidv7 } from '../../main/shared/domain/uuid-v7';
import type { NewWorkOrder } from '../../main/workorders/work-order-repo';

let sequence = 0;

/** A complete, valid work order for tests: 施工噪音 in 虎丘区, dispatched to 城市管理局; override what matters. */
export const demoOrder = (overrides: Partial<NewWorkOrder> = {}): NewWorkOrder & { id: string } => {
  sequence += 1;
  return {
    id: uuidv7(),
    number: `T${process.pid}${Date.now()}${String(sequence).padStart(6, '0')}`,
    channel: '电话',
    callerId: null,
    contactName: null,
    contactNumber: '13812345678',
    requestType: '投诉',
    categoryCode: '040101',
    regionCode: '320505',
    address: '长江路 1 号',
    title: `测试工单 ${sequence}`,
    content: '夜间施工噪音扰民，要求处理。',
    urgency: 'normal',
    handlingMode: 'dispatch',
    leadDepartment: '城市管理局',
    coDepartments: [],
    reply: null,
    deadlineAt: null,
    status: 'registered',
    duplicateOf: null,
    confidential: false,
    createdBy: 'A0001',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
};
