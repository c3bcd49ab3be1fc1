package cn.zhongchuang.institution;

import java.time.LocalDate;
import java.util.List;

/**
 * An institution as other modules see it.
 *
 * @param id the institution
 * @param operatorId the organisation that runs it; null when its operator is not on the
 * platform (known from a recorded title)
 * @param operatorName 运营机构名称
 * @param operatorCreditCode 运营机构统一社会信用代码
 * @param name 载体名称
 * @param kind 载体类型
 * @param specialization COMPREHENSIVE / SPECIALIZED for a maker space, null otherwise
 * @param serviceModels 服务模式
 * @param sectorType 产业类型, may be null
 * @param regionCode GB/T 2260 code of its address
 * @param address 地址
 * @param virtual 虚拟众创空间
 * @param focusSegment 主攻细分领域, may be null
 * @param openedOn 投入运营日期, may be null
 * @param stages chain stages it offers (NURSERY, INCUBATOR, ACCELERATOR, PARK)
 * @param operating still operating (not closed)
 */
public record InstitutionSummary(long id, Long operatorId, String operatorName, String operatorCreditCode, String name,
		InstitutionKind kind, String specialization, List<ServiceModel> serviceModels, SectorType sectorType,
		String regionCode, String address, boolean virtual, String focusSegment, LocalDate openedOn,
		List<String> stages, boolean operating) {

	static InstitutionSummary of(Institution i) {
		InstitutionForm.Data d = i.data();
		return new InstitutionSummary(i.id(), i.operatorId(), i.operatorName(), i.operatorCreditCode(), d.name(),
				d.kind(), d.specialization(), d.serviceModels(), d.sectorType(), d.regionCode(), d.address(),
				d.virtual(), d.focusSegment(), d.openedOn(), d.stages(), i.status() == Institution.Status.OPERATING);
	}

	/** Whether a tenant can be admitted into this stage of the chain here. */
	public boolean offers(String stage) {
		return this.stages.contains(stage);
	}

}
