package cn.zhongchuang.expert;

import java.util.List;

/** A pool expert as lists and the API show it: the phone masked. */
record ExpertView(long id, String name, List<String> fields, String employer, String title, String maskedPhone,
		String regionCode, String regionName, boolean linked, boolean active, List<String> declaredConflicts,
		int version) {

	static ExpertView of(Expert e, String regionName) {
		return new ExpertView(e.id(), e.name(), e.fields(), e.employer(), e.title(), e.maskedPhone(), e.regionCode(),
				regionName, e.userId() != null, e.active(), e.declaredConflicts(), e.version());
	}

}
