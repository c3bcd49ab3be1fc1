package cn.zhongchuang.operator;

import cn.zhongchuang.region.Regions;

/**
 * One stored record of an organisation: its data of kind {@code F}, the record it hangs
 * under (a mentor, a fund), where it serves ({@link Placement}: the one institution it
 * belongs to, or the institutions an operator's record is assigned to) and its version.
 * Its data changes only through {@link #revise}, which checks the new data and the
 * transition from the old.
 */
final class OperatorRecord<F extends Record & RecordData> {

	private final Long id;

	private final long operatorId;

	private final Long parentId;

	private F data;

	private Placement placement;

	private final int version;

	OperatorRecord(Long id, long operatorId, Long parentId, F data, Placement placement, int version) {
		this.id = id;
		this.operatorId = operatorId;
		this.parentId = parentId;
		this.data = data;
		this.placement = placement;
		this.version = version;
	}

	static <F extends Record & RecordData> OperatorRecord<F> create(long operatorId, Long parentId, F data,
			Placement placement, Regions regions) {
		F stored = normalized(data);
		Validation v = new Validation();
		stored.validate(v, regions);
		v.throwIfAny();
		return new OperatorRecord<>(null, operatorId, parentId, stored, placement, 0);
	}

	void revise(F next, Placement placement, Regions regions) {
		F stored = normalized(next);
		Validation v = new Validation();
		stored.validate(v, regions);
		stored.checkChange(this.data, v);
		v.throwIfAny();
		this.data = stored;
		this.placement = placement;
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

	Placement placement() {
		return this.placement;
	}

	int version() {
		return this.version;
	}

	/**
	 * Where a record serves: {@code institutionId} for a kind that belongs to one
	 * institution, {@code assignedTo} (possibly empty) for the operator's own records.
	 */
	record Placement(Long institutionId, java.util.Set<Long> assignedTo) {

		Placement {
			assignedTo = (assignedTo == null) ? java.util.Set.of() : java.util.Set.copyOf(assignedTo);
		}

		static Placement in(long institutionId) {
			return new Placement(institutionId, java.util.Set.of());
		}

		static Placement assigned(java.util.Collection<Long> institutionIds) {
			return new Placement(null, new java.util.TreeSet<>(institutionIds));
		}

		/** Whether the record serves this institution. */
		boolean serves(long institution) {
			return (this.institutionId != null) ? this.institutionId == institution
					: this.assignedTo.contains(institution);
		}

	}

}
