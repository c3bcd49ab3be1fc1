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
 * @param institutionId the institution (孵化载体) the title is of; null to have it found by
 * credit code and name, or registered from what the request names
 */
public record RecognitionRequest(String subjectType, long subjectId, String institutionName, String operatorName,
		String creditCode, String kind, String specialization, String level, String regionCode, String policyId,
		String issuingAuthority, LocalDate recognizedOn, Long institutionId) {

	/** A request whose institution is found or registered from the names it gives. */
	public RecognitionRequest(String subjectType, long subjectId, String institutionName, String operatorName,
			String creditCode, String kind, String specialization, String level, String regionCode, String policyId,
			String issuingAuthority, LocalDate recognizedOn) {
		this(subjectType, subjectId, institutionName, operatorName, creditCode, kind, specialization, level, regionCode,
				policyId, issuingAuthority, recognizedOn, null);
	}

	RecognitionRequest of(long institution) {
		return new RecognitionRequest(this.subjectType, this.subjectId, this.institutionName, this.operatorName,
				this.creditCode, this.kind, this.specialization, this.level, this.regionCode, this.policyId,
				this.issuingAuthority, this.recognizedOn, institution);
	}

}
