package dev.perfdesk.importers.pprof;

/**
 * The message definition of pprof's {@code profile.proto} (google/pprof {@code proto/profile.proto}, package
 * {@code perftools.profiles}) as field numbers, for decoding and encoding with protobuf-java's
 * {@code CodedInputStream} and {@code CodedOutputStream} without generated classes. Every string in a profile is an
 * index into {@link Profile#STRING_TABLE}, whose entry 0 is the empty string.
 *
 * <pre>
 * message Profile   { repeated ValueType sample_type = 1; repeated Sample sample = 2; repeated Mapping mapping = 3;
 *                     repeated Location location = 4; repeated Function function = 5; repeated string string_table = 6;
 *                     int64 drop_frames = 7; int64 keep_frames = 8; int64 time_nanos = 9; int64 duration_nanos = 10;
 *                     ValueType period_type = 11; int64 period = 12; repeated int64 comment = 13;
 *                     int64 default_sample_type = 14; int64 doc_url = 15; }
 * message ValueType { int64 type = 1; int64 unit = 2; }
 * message Sample    { repeated uint64 location_id = 1; repeated int64 value = 2; repeated Label label = 3; }
 * message Label     { int64 key = 1; int64 str = 2; int64 num = 3; int64 num_unit = 4; }
 * message Mapping   { uint64 id = 1; uint64 memory_start = 2; uint64 memory_limit = 3; uint64 file_offset = 4;
 *                     int64 filename = 5; int64 build_id = 6; bool has_functions = 7; bool has_filenames = 8;
 *                     bool has_line_numbers = 9; bool has_inline_frames = 10; }
 * message Location  { uint64 id = 1; uint64 mapping_id = 2; uint64 address = 3; repeated Line line = 4;
 *                     bool is_folded = 5; }
 * message Line      { uint64 function_id = 1; int64 line = 2; int64 column = 3; }
 * message Function  { uint64 id = 1; int64 name = 2; int64 system_name = 3; int64 filename = 4; int64 start_line = 5; }
 * </pre>
 *
 * A sample's {@code location_id[0]} is the leaf; a location's lines are inlined frames, the innermost first and the
 * caller last.
 */
final class ProfileProto {
    private ProfileProto() {
    }

    /** Field numbers of {@code Profile}. */
    static final class Profile {
        static final int SAMPLE_TYPE = 1;
        static final int SAMPLE = 2;
        static final int MAPPING = 3;
        static final int LOCATION = 4;
        static final int FUNCTION = 5;
        static final int STRING_TABLE = 6;
        static final int DROP_FRAMES = 7;
        static final int KEEP_FRAMES = 8;
        static final int TIME_NANOS = 9;
        static final int DURATION_NANOS = 10;
        static final int PERIOD_TYPE = 11;
        static final int PERIOD = 12;
        static final int COMMENT = 13;
        static final int DEFAULT_SAMPLE_TYPE = 14;
        static final int DOC_URL = 15;

        private Profile() {
        }
    }

    /** Field numbers of {@code ValueType}. */
    static final class ValueType {
        static final int TYPE = 1;
        static final int UNIT = 2;

        private ValueType() {
        }
    }

    /** Field numbers of {@code Sample}. */
    static final class Sample {
        static final int LOCATION_ID = 1;
        static final int VALUE = 2;
        static final int LABEL = 3;

        private Sample() {
        }
    }

    /** Field numbers of {@code Label}. */
    static final class Label {
        static final int KEY = 1;
        static final int STR = 2;
        static final int NUM = 3;
        static final int NUM_UNIT = 4;

        private Label() {
        }
    }

    /** Field numbers of {@code Mapping}. */
    static final class Mapping {
        static final int ID = 1;
        static final int MEMORY_START = 2;
        static final int MEMORY_LIMIT = 3;
        static final int FILE_OFFSET = 4;
        static final int FILENAME = 5;
        static final int BUILD_ID = 6;
        static final int HAS_FUNCTIONS = 7;
        static final int HAS_FILENAMES = 8;
        static final int HAS_LINE_NUMBERS = 9;
        static final int HAS_INLINE_FRAMES = 10;

        private Mapping() {
        }
    }

    /** Field numbers of {@code Location}. */
    static final class Location {
        static final int ID = 1;
        static final int MAPPING_ID = 2;
        static final int ADDRESS = 3;
        static final int LINE = 4;
        static final int IS_FOLDED = 5;

        private Location() {
        }
    }

    /** Field numbers of {@code Line}. */
    static final class Line {
        static final int FUNCTION_ID = 1;
        static final int LINE = 2;
        static final int COLUMN = 3;

        private Line() {
        }
    }

    /** Field numbers of {@code Function}. */
    static final class Function {
        static final int ID = 1;
        static final int NAME = 2;
        static final int SYSTEM_NAME = 3;
        static final int FILENAME = 4;
        static final int START_LINE = 5;

        private Function() {
        }
    }

    /**
     * Whether {@code wireType} is one a {@code Profile} field may have: varint for the scalars, length-delimited for
     * messages and strings, either for the repeated {@code comment} (packed or not). Unknown field numbers pass, as
     * protobuf readers skip them.
     */
    static boolean validProfileWireType(int field, int wireType) {
        switch (field) {
            case Profile.SAMPLE_TYPE: case Profile.SAMPLE: case Profile.MAPPING: case Profile.LOCATION:
            case Profile.FUNCTION: case Profile.STRING_TABLE: case Profile.PERIOD_TYPE:
                return wireType == 2;
            case Profile.DROP_FRAMES: case Profile.KEEP_FRAMES: case Profile.TIME_NANOS: case Profile.DURATION_NANOS:
            case Profile.PERIOD: case Profile.DEFAULT_SAMPLE_TYPE: case Profile.DOC_URL:
                return wireType == 0;
            case Profile.COMMENT:
                return wireType == 0 || wireType == 2;
            default:
                return field > 0 && wireType != 3 && wireType != 4 && wireType <= 5;
        }
    }
}
