/**
 * 众创集聚区 (seed 002 三(三)): an institution of kind MAKER_SPACE_CLUSTER, its member
 * institutions (none a cluster, each once, all within the cluster's region) and its
 * service providers (科技咨询、天使投资 …), recognized as a cluster by the authority of the
 * jurisdiction (or refused, or the recognition revoked). The API is
 * {@link cn.zhongchuang.cluster.Clusters} (for the subsidy module's 后补助) and the events
 * in {@link cn.zhongchuang.cluster.ClusterEvents}; everything else is in
 * {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package cn.zhongchuang.cluster;
