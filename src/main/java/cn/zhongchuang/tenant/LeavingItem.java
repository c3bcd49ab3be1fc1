package cn.zhongchuang.tenant;

/** 离孵服务清单: what an operator helps a leaving tenant with. */
public enum LeavingItem {

	/** 注册地址变更. */
	ADDRESS_CHANGE,
	/** 税务登记迁移. */
	TAX_REGISTRATION,
	/** 知识产权备案. */
	IP_FILINGS,
	/** 搬离场地. */
	MOVE_OUT

}
