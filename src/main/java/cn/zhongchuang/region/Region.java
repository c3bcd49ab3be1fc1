package cn.zhongchuang.region;

/**
 * One administrative region. {@code parentCode} is null only for the national root.
 */
public record Region(String code, String name, Level level, String parentCode) {

	/** The national root above all provinces; a user scoped here sees everything. */
	public static final String NATION = "000000";

	public enum Level {

		NATION, PROVINCE, CITY, COUNTY

	}

}
