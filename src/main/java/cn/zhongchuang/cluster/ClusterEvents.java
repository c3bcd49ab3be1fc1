package cn.zhongchuang.cluster;

import java.time.LocalDate;

/** What happens to a cluster, published in the transaction of the change. */
public final class ClusterEvents {

	private ClusterEvents() {
	}

	/** A cluster was registered for recognition. */
	public record ClusterRegistered(long clusterId, long institutionId, String regionCode) {
	}

	/** The authority recognized the cluster. */
	public record ClusterRecognized(long clusterId, String number, LocalDate recognizedOn, String authority) {
	}

	/** The authority refused to recognize it. */
	public record ClusterRefused(long clusterId, String reason) {
	}

	/** The authority revoked the recognition. */
	public record ClusterRevoked(long clusterId, String number, String reason) {
	}

}
