package cn.zhongchuang.operator;

import cn.zhongchuang.region.Regions;

/**
 * The fields of one record an operator keeps, as a Java record whose component names are
 * the columns (camelCase → snake_case) and the form fields. The shared machinery
 * ({@link RecordKind}, {@link RecordTable}, {@link OperatorRecords}) stores, lists,
 * audits and renders every kind the same way; each kind says only how it is checked.
 */
interface RecordData {

	/** Per-field Chinese messages for what is wrong. */
	void validate(Validation v, Regions regions);

	/** A short name for lists, breadcrumbs and the audit trail. */
	String title();

	/**
	 * The record as it is stored (codes upper-cased and the like); the default is itself.
	 */
	default RecordData normalized() {
		return this;
	}

	/** Checks a change from {@code before}; the default allows any. */
	default void checkChange(RecordData before, Validation v) {
	}

	/** The field and message for a duplicate row (unique index), if the kind has one. */
	default String[] duplicateError() {
		return new String[] { "title", "记录重复" };
	}

	static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
