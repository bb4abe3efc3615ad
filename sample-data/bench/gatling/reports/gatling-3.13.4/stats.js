var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "      340",
        "ok": "      260",
        "ko": "       80"
    },
    "minResponseTime": {
        "total": "        0",
        "ok": "        0",
        "ko": "        1"
    },
    "maxResponseTime": {
        "total": "      129",
        "ok": "      129",
        "ko": "       10"
    },
    "meanResponseTime": {
        "total": "        3",
        "ok": "        4",
        "ko": "        2"
    },
    "standardDeviation": {
        "total": "       10",
        "ok": "       11",
        "ko": "        1"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        2",
        "ko": "        2"
    },
    "percentiles2": {
        "total": "        3",
        "ok": "        3",
        "ko": "        3"
    },
    "percentiles3": {
        "total": "        6",
        "ok": "        7",
        "ko": "        5"
    },
    "percentiles4": {
        "total": "       30",
        "ok": "       32",
        "ko": "       10"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 260,
    "percentage": 76.47058823529412
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 80,
    "percentage": 23.52941176470588
},
    "meanNumberOfRequestsPerSecond": {
        "total": "     42.5",
        "ok": "     32.5",
        "ko": "       10"
    }
},
contents: {
"group_pages-106426308": {
          type: "GROUP",
name: "pages",
path: "pages",
pathFormatted: "group_pages-106426308",
stats: {
    "name": "pages",
    "numberOfRequests": {
        "total": "       80",
        "ok": "       80",
        "ko": "        0"
    },
    "minResponseTime": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "maxResponseTime": {
        "total": "      129",
        "ok": "      129",
        "ko": "        -"
    },
    "meanResponseTime": {
        "total": "        7",
        "ok": "        7",
        "ko": "        -"
    },
    "standardDeviation": {
        "total": "       14",
        "ok": "       14",
        "ko": "        -"
    },
    "percentiles1": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "percentiles2": {
        "total": "        6",
        "ok": "        6",
        "ko": "        -"
    },
    "percentiles3": {
        "total": "       10",
        "ok": "       10",
        "ko": "        -"
    },
    "percentiles4": {
        "total": "      129",
        "ok": "      129",
        "ko": "        -"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 80,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "       10",
        "ok": "       10",
        "ko": "        -"
    }
},
contents: {
"group_api-96794": {
          type: "GROUP",
name: "api",
path: "pages / api",
pathFormatted: "group_pages---api-1408202573",
stats: {
    "name": "api",
    "numberOfRequests": {
        "total": "       80",
        "ok": "       80",
        "ko": "        0"
    },
    "minResponseTime": {
        "total": "        1",
        "ok": "        1",
        "ko": "        -"
    },
    "maxResponseTime": {
        "total": "       32",
        "ok": "       32",
        "ko": "        -"
    },
    "meanResponseTime": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "standardDeviation": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles2": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles3": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "percentiles4": {
        "total": "       32",
        "ok": "       32",
        "ko": "        -"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 80,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "       10",
        "ok": "       10",
        "ko": "        -"
    }
},
contents: {
"req_item-3242771": {
        type: "REQUEST",
        name: "item",
path: "pages / api / item",
pathFormatted: "req_pages---api---i-179749015",
stats: {
    "name": "item",
    "numberOfRequests": {
        "total": "       80",
        "ok": "       80",
        "ko": "        0"
    },
    "minResponseTime": {
        "total": "        1",
        "ok": "        1",
        "ko": "        -"
    },
    "maxResponseTime": {
        "total": "       32",
        "ok": "       32",
        "ko": "        -"
    },
    "meanResponseTime": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "standardDeviation": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles2": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles3": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "percentiles4": {
        "total": "       32",
        "ok": "       32",
        "ko": "        -"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 80,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "       10",
        "ok": "       10",
        "ko": "        -"
    }
}
    }
}

     },"req_home-3208415": {
        type: "REQUEST",
        name: "home",
path: "pages / home",
pathFormatted: "req_pages---home-704814604",
stats: {
    "name": "home",
    "numberOfRequests": {
        "total": "       80",
        "ok": "       80",
        "ko": "        0"
    },
    "minResponseTime": {
        "total": "        1",
        "ok": "        1",
        "ko": "        -"
    },
    "maxResponseTime": {
        "total": "      128",
        "ok": "      128",
        "ko": "        -"
    },
    "meanResponseTime": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "standardDeviation": {
        "total": "       14",
        "ok": "       14",
        "ko": "        -"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles2": {
        "total": "        3",
        "ok": "        3",
        "ko": "        -"
    },
    "percentiles3": {
        "total": "        8",
        "ok": "        8",
        "ko": "        -"
    },
    "percentiles4": {
        "total": "      128",
        "ok": "      128",
        "ko": "        -"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 80,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "       10",
        "ok": "       10",
        "ko": "        -"
    }
}
    }
}

     },"req_home-3208415": {
        type: "REQUEST",
        name: "home",
path: "home",
pathFormatted: "req_home-3208415",
stats: {
    "name": "home",
    "numberOfRequests": {
        "total": "      100",
        "ok": "      100",
        "ko": "        0"
    },
    "minResponseTime": {
        "total": "        0",
        "ok": "        0",
        "ko": "        -"
    },
    "maxResponseTime": {
        "total": "      129",
        "ok": "      129",
        "ko": "        -"
    },
    "meanResponseTime": {
        "total": "        4",
        "ok": "        4",
        "ko": "        -"
    },
    "standardDeviation": {
        "total": "       13",
        "ok": "       13",
        "ko": "        -"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        2",
        "ko": "        -"
    },
    "percentiles2": {
        "total": "        3",
        "ok": "        3",
        "ko": "        -"
    },
    "percentiles3": {
        "total": "        8",
        "ok": "        8",
        "ko": "        -"
    },
    "percentiles4": {
        "total": "      129",
        "ok": "      129",
        "ko": "        -"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 100,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "     12.5",
        "ok": "     12.5",
        "ko": "        -"
    }
}
    },"req_missing-1069449574": {
        type: "REQUEST",
        name: "missing",
path: "missing",
pathFormatted: "req_missing-1069449574",
stats: {
    "name": "missing",
    "numberOfRequests": {
        "total": "       80",
        "ok": "        0",
        "ko": "       80"
    },
    "minResponseTime": {
        "total": "        1",
        "ok": "        -",
        "ko": "        1"
    },
    "maxResponseTime": {
        "total": "       10",
        "ok": "        -",
        "ko": "       10"
    },
    "meanResponseTime": {
        "total": "        2",
        "ok": "        -",
        "ko": "        2"
    },
    "standardDeviation": {
        "total": "        1",
        "ok": "        -",
        "ko": "        1"
    },
    "percentiles1": {
        "total": "        2",
        "ok": "        -",
        "ko": "        2"
    },
    "percentiles2": {
        "total": "        3",
        "ok": "        -",
        "ko": "        3"
    },
    "percentiles3": {
        "total": "        5",
        "ok": "        -",
        "ko": "        5"
    },
    "percentiles4": {
        "total": "       10",
        "ok": "        -",
        "ko": "       10"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 80,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "       10",
        "ok": "        -",
        "ko": "       10"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
