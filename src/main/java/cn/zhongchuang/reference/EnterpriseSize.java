package cn.zhongchuang.reference;

/**
 * 企业规模。
 */
public enum EnterpriseSize {

	LARGE("大型"),

	MEDIUM("中型"),

	SMALL("小型"),

	MICRO("微型");

	private final String label;

	EnterpriseSize(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
