package cn.zhongchuang.cluster;

/** Where a cluster's recognition stands. Labels: {@code cluster.status.<NAME>}. */
public enum ClusterStatus {

	/** 待认定. */
	APPLIED,
	/** 已认定. */
	RECOGNIZED,
	/** 不予认定. */
	REFUSED,
	/** 已撤销认定. */
	REVOKED

}
