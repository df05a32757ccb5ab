// The meeting's own fields, for 登记会议 and for the editor: the holding organization (when registering),
// the name, the day, the topics, and how the representatives were chosen.
import { DatePicker, Form, Input, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { isoDay } from '../../../format';

export interface MeetingFormValues {
  orgId?: number;
  title: string;
  heldOn: Dayjs;
  topics?: string;
  selection?: string;
}

export const meetingBody = (v: MeetingFormValues) => ({ title: v.title, heldOn: isoDay(v.heldOn), topics: v.topics ?? '', selection: v.selection ?? '' });

export function MeetingFieldsForm({ form, withOrg, disabled }: { form: FormInstance<MeetingFormValues>; withOrg?: boolean; disabled?: boolean }) {
  return (
    <Form form={form} name="meeting" layout="vertical" disabled={disabled}>
      {withOrg ? (
        <Form.Item name="orgId" label="召开单位" rules={[{ required: true, message: '请选择召开会议的机构' }]}>
          <OrgTreeSelect id="meeting-org" />
        </Form.Item>
      ) : null}
      <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
        <Input maxLength={200} placeholder="如 示例县人民政府2026年第12次常务会议" />
      </Form.Item>
      <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: '请选择召开日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="topics" label="会议议题" extra="每行一项；发布前须填写">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="selection" label="列席代表产生方式" extra="如 网上自愿报名、随机抽取、单位推荐、邀请；发布前须填写">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </Form>
  );
}
