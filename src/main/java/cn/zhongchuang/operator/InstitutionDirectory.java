package cn.zhongchuang.operator;

import java.util.List;

/**
 * The institutions (孵化载体) an organisation runs, as this module needs them to place its
 * records: implemented by the institution module, which owns them and depends on this
 * one. This module never depends on it; it only asks which institutions an organisation
 * has.
 */
public interface InstitutionDirectory {

	/** The organisation's institutions, in the order they were registered. */
	List<Entry> institutionsOf(long operatorId);

	/**
	 * One institution as a record form offers it.
	 *
	 * @param id the institution
	 * @param name 载体名称
	 */
	record Entry(long id, String name) {
	}

}
