package cn.zhongchuang.cluster;

import java.util.List;
import java.util.Optional;

/** The clusters (众创集聚区) other modules may read: no scope check (the caller scopes). */
public interface Clusters {

	/** One cluster, whatever its status. */
	Optional<ClusterSummary> find(long id);

	/**
	 * The clusters recognized now (status RECOGNIZED) in the region or below it, by
	 * number.
	 */
	List<ClusterSummary> recognizedWithin(String regionCode);

}
