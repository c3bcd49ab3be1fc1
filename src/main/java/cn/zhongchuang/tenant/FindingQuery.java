package cn.zhongchuang.tenant;

/** The filter bar of the abnormal and clearance lists. */
record FindingQuery(String status, String keyword, Boolean open, Integer page, Integer size) {
}
