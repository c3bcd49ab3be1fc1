package cn.zhongchuang.operator;

import cn.zhongchuang.region.Regions;

/**
 * One stored record of an organisation: its data of kind {@code F}, the record it hangs
 * under (a mentor, a fund) and its version. Its data changes only through
 * {@link #revise}, which checks the new data and the transition from the old.
 */
final class OperatorRecord<F extends Record & RecordData> {

	private final Long id;

	private final long operatorId;

	private final Long parentId;

	private F data;

	private final int version;

	OperatorRecord(Long id, long operatorId, Long parentId, F data, int version) {
		this.id = id;
		this.operatorId = operatorId;
		this.parentId = parentId;
		this.data = data;
		this.version = version;
	}

	static <F extends Record & RecordData> OperatorRecord<F> create(long operatorId, Long parentId, F data,
			Regions regions) {
		F stored = normalized(data);
		Validation v = new Validation();
		stored.validate(v, regions);
		v.throwIfAny();
		return new OperatorRecord<>(null, operatorId, parentId, stored, 0);
	}

	void revise(F next, Regions regions) {
		F stored = normalized(next);
		Validation v = new Validation();
		stored.validate(v, regions);
		stored.checkChange(this.data, v);
		v.throwIfAny();
		this.data = stored;
	}

	@SuppressWarnings("unchecked")
	private static <F extends Record & RecordData> F normalized(F data) {
		return (F) data.normalized();
	}

	Long id() {
		return this.id;
	}

	long operatorId() {
		return this.operatorId;
	}

	Long parentId() {
		return this.parentId;
	}

	F data() {
		return this.data;
	}

	int version() {
		return this.version;
	}

}
