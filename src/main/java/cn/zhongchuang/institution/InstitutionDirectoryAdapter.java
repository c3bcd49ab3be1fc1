package cn.zhongchuang.institution;

import java.util.List;

import cn.zhongchuang.operator.InstitutionDirectory;

import org.springframework.stereotype.Component;

/** The operator module places its records through this: this module owns institutions. */
@Component
class InstitutionDirectoryAdapter implements InstitutionDirectory {

	private final InstitutionRecords records;

	InstitutionDirectoryAdapter(InstitutionRecords records) {
		this.records = records;
	}

	@Override
	public List<Entry> institutionsOf(long operatorId) {
		return this.records.ofOperator(operatorId).stream().map((i) -> new Entry(i.id(), i.data().name())).toList();
	}

}
