/**
 * 公示: the public notice a bureau publishes before recognition, for the pack's number of
 * working days on the official calendar, and the objections (异议) anyone may lodge against
 * an item while it runs. Its API is {@link cn.zhongchuang.notice.Notices}: draft,
 * publish, close; closing publishes {@link cn.zhongchuang.notice.Notices.NoticeClosed}
 * with the subjects that no upheld objection removed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notice")
package cn.zhongchuang.notice;
