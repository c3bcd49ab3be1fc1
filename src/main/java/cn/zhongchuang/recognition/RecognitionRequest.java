package cn.zhongchuang.recognition;

import java.time.LocalDate;

/**
 * What a recognition needs, in plain values: who the institution is and who recognizes it
 * under which policy.
 *
 * @param subjectType the kind of subject in the module that asks, e.g.
 * {@code application}
 * @param subjectId its id there
 * @param institutionName 载体名称
 * @param operatorName 运营机构
 * @param creditCode 运营机构的统一社会信用代码
 * @param kind 载体类型（PackDefinition.InstitutionKind 的名称）
 * @param specialization COMPREHENSIVE / SPECIALIZED，可为空
 * @param level 级别（PackDefinition.Level 的名称）
 * @param regionCode 载体所在区划
 * @param policyId 认定依据的政策包
 * @param issuingAuthority 认定机关，如 兰州市科学技术局
 * @param recognizedOn 认定日期
 */
public record RecognitionRequest(String subjectType, long subjectId, String institutionName, String operatorName,
		String creditCode, String kind, String specialization, String level, String regionCode, String policyId,
		String issuingAuthority, LocalDate recognizedOn) {
}
