package cn.zhongchuang.tenant;

/** 孵化链条: a tenant moves forward only, 苗圃 → 孵化器 → 加速器 → 产业园. */
public enum ChainStage {

	/** 苗圃. */
	NURSERY,
	/** 孵化器. */
	INCUBATOR,
	/** 加速器. */
	ACCELERATOR,
	/** 产业园. */
	PARK;

	boolean isBefore(ChainStage other) {
		return ordinal() < other.ordinal();
	}

}
