package cn.zhongchuang.chain;

/** Where a chain's application stands. Labels: {@code chain.status.<NAME>}. */
public enum ChainStatus {

	/** 待审核. */
	APPLIED,
	/** 已认定为试点. */
	DESIGNATED,
	/** 未通过. */
	REFUSED,
	/** 已撤销试点. */
	REVOKED

}
