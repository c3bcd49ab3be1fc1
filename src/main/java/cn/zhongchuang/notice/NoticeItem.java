package cn.zhongchuang.notice;

/**
 * One institution listed on a notice. The subject is what the notice is about in the
 * module that put it there (e.g. {@code "application", 42}); the notice module only shows
 * it and reports it back in {@link Notices.NoticeClosed}.
 *
 * @param subjectType kind of subject, e.g. {@code application}
 * @param subjectId its id in the owning module
 * @param institutionName 载体名称
 * @param operatorName 运营机构
 * @param creditCode 运营机构的统一社会信用代码
 * @param kind 载体类型（PackDefinition.InstitutionKind 的名称）
 * @param specialization COMPREHENSIVE / SPECIALIZED，可为空
 * @param level 认定级别（PackDefinition.Level 的名称）
 * @param regionCode 载体所在区划
 */
public record NoticeItem(String subjectType, long subjectId, String institutionName, String operatorName,
		String creditCode, String kind, String specialization, String level, String regionCode) {
}
