import { describe, expect, it } from 'vitest';
import { bundledCatalogue } from '../../../../main/workorders/domain/catalogue-schema';
import { dataCatalogueSchema } from '../../../../main/workorders/domain/catalogue-schema';
import { type CatalogueReference, submissionProblems } from '../../../../main/workorders/domain/data-catalogue';

const reference: CatalogueReference = {
  requestTypes: ['咨询', '投诉'],
  category: (code) =>
    code === '040101'
      ? { name: '施工噪音', leaf: true, required: ['regionCode', 'address'] }
      : code === '0401'
        ? { name: '噪音扰民', leaf: false, required: [] }
        : code === '010101'
          ? { name: '养老保险', leaf: true, required: ['contactName'] }
          : null,
  regionExists: (code) => code === '320505',
};
const complete = {
  requestType: '投诉',
  categoryCode: '040101',
  regionCode: '320505',
  address: '金山路 66 号',
  contactName: '',
  contactNumber: '13962626262',
  title: '工地凌晨施工',
  content: '金山路工地每天凌晨两点还在施工',
};
const keys = (submission: typeof complete & { anonymous?: boolean }) =>
  submissionProblems(submission, bundledCatalogue, reference).map((problem) => `${problem.key}: ${problem.message}`);

describe('the data catalogue decides what a request still lacks, whichever channel it came by', () => {
  it('accepts a complete request and names each missing or wrong item with its message', () => {
    expect(keys(complete)).toEqual([]);
    expect(keys({ ...complete, address: ' ', regionCode: '' })).toEqual([
      'regionCode: “施工噪音”须填写发生地点（区县或街道）',
      'address: “施工噪音”须填写详细地址',
    ]);
    expect(keys({ ...complete, categoryCode: '0401' })).toEqual(['categoryCode: 请选择到第三级（最细）分类']);
    expect(keys({ ...complete, categoryCode: '999999', address: '' })).toEqual(['categoryCode: 分类不存在，请重新选择']);
    expect(keys({ ...complete, requestType: '点赞', regionCode: '110101' })).toEqual([
      'requestType: 未知的诉求类型“点赞”',
      'regionCode: 地点不存在，请重新选择',
    ]);
    expect(keys({ ...complete, title: '噪音', content: '太吵了' })).toEqual([
      'title: 标题至少 4 个字',
      'content: 诉求内容至少 10 个字，请记录时间、地点和具体问题',
    ]);
    expect(keys({ ...complete, contactNumber: '12' })).toEqual(['contactNumber: 联系电话无法识别，请核对']);
    expect(keys({ ...complete, title: '长'.repeat(101) })).toEqual(['title: 标题最多 100 个字']);
  });

  it('asks for the name where the category needs it, and neither name nor number of an anonymous citizen', () => {
    const pension = { ...complete, categoryCode: '010101', contactNumber: '' };
    expect(keys(pension)).toEqual(['contactName: “养老保险”须登记联系人姓名', 'contactNumber: 请填写联系电话，或勾选“匿名”']);
    expect(keys({ ...pension, anonymous: true })).toEqual([]);
  });

  it('refuses a catalogue that is not one (as a synced one would be checked)', () => {
    expect(dataCatalogueSchema.safeParse({ version: 1, items: [] }).success).toBe(false);
    expect(
      dataCatalogueSchema.safeParse({
        version: 2,
        items: [{ key: 'idNumber', name: '身份证', required: 'always', maxLength: 18, messages: { missing: 'x' } }],
      }).success,
    ).toBe(false);
  });
});
