package dev.idic.stages.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Splits one text file into records, each with the source lines it came from. Spark's own readers
 * split text files at every line break before parsing, so a quoted csv field over two lines, or a
 * carriage return inside a field, turns one record into two broken rows; here a record is what the
 * format says it is (RFC 4180 quoting for csv, one line for whitespace), and its first and last
 * line numbers travel with it into quarantine.
 *
 * <p>Each file is read whole by one task (a record may span any number of lines); Parquet inputs
 * keep Spark's parallel reader.
 *
 * @param format "csv" or "whitespace"
 * @param header whether each file starts with a header record, which is skipped
 * @param delimiter the csv field delimiter
 * @param columns how many fields a well-formed record has
 * @param encoding the files' character set
 */
record TextRecords(String format, boolean header, String delimiter, int columns, String encoding)
    implements Serializable {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * The records of one file as rows: the {@link #columns} fields (as many as a malformed record
   * has), the raw text of a malformed record (else null), the file, the record number (from 1, data
   * records only), and its first and last line (from 1, the header counted).
   */
  Iterator<Row> rows(String file, PortableDataStream stream) {
    Reader reader = open(file, stream);
    RecordSource records =
        "whitespace".equals(format) ? new WhitespaceLines(reader) : new CsvRecords(reader);
    return new Iterator<>() {
      private long record;
      private boolean headerSeen = !header;
      private Row next = advance();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row current = next;
        next = advance();
        return current;
      }

      private Row advance() {
        while (true) {
          Parsed parsed = records.next();
          if (parsed == null) {
            records.close();
            return null;
          }
          if (parsed.blank()) {
            continue;
          }
          if (!headerSeen) {
            headerSeen = true;
            continue;
          }
          record++;
          Object[] values = new Object[columns + 5];
          String[] fields = parsed.fields();
          boolean wellFormed = fields.length == columns;
          // A malformed record keeps the fields it has, so its quarantine record shows them.
          System.arraycopy(fields, 0, values, 0, Math.min(fields.length, columns));
          values[columns] = wellFormed ? null : parsed.text();
          values[columns + 1] = file;
          values[columns + 2] = record;
          values[columns + 3] = parsed.firstLine();
          values[columns + 4] = parsed.lastLine();
          return RowFactory.create(values);
        }
      }
    };
  }

  private Reader open(String file, PortableDataStream stream) {
    InputStream in = stream.open();
    CompressionCodec codec =
        new CompressionCodecFactory(new Configuration(false)).getCodec(new Path(file));
    try {
      InputStream decoded = codec == null ? in : codec.createInputStream(in);
      return new InputStreamReader(decoded, Charset.forName(encoding));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decompress " + file, e);
    }
  }

  /** One record as the format splits it; {@code blank} for an empty line, which is no record. */
  private record Parsed(
      String[] fields, String text, long firstLine, long lastLine, boolean blank) {}

  private interface RecordSource {
    /** The next record, or null at the end of the file. */
    Parsed next();

    void close();
  }

  private final class CsvRecords implements RecordSource {
    private final CsvParser parser;
    private long lastLine;

    CsvRecords(Reader reader) {
      CsvParserSettings settings = new CsvParserSettings();
      settings.getFormat().setDelimiter(delimiter);
      settings.getFormat().setQuote('"');
      settings.getFormat().setQuoteEscape('"');
      settings.getFormat().setComment('\0');
      // The file's own line ending is detected, so a lone \r inside a \n-terminated record stays
      // part of its field instead of ending the record.
      settings.setLineSeparatorDetectionEnabled(true);
      settings.setIgnoreLeadingWhitespaces(false);
      settings.setIgnoreTrailingWhitespaces(false);
      settings.setSkipEmptyLines(false);
      settings.setMaxCharsPerColumn(-1);
      settings.setMaxColumns(20_480);
      settings.setNullValue(null);
      settings.setEmptyValue("");
      settings.setReadInputOnSeparateThread(false);
      settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
      parser = new CsvParser(settings);
      parser.beginParsing(new SkipByteOrderMark(reader));
    }

    @Override
    public Parsed next() {
      String[] fields = parser.parseNext();
      if (fields == null) {
        return null;
      }
      long firstLine = lastLine + 1;
      lastLine = Math.max(firstLine, parser.getContext().currentLine());
      String text = parser.getContext().currentParsedContent();
      text = text == null ? "" : text.stripTrailing();
      boolean blank = fields.length == 1 && fields[0] == null && text.isEmpty();
      return new Parsed(fields, text, firstLine, lastLine, blank);
    }

    @Override
    public void close() {
      parser.stopParsing();
    }
  }

  private final class WhitespaceLines implements RecordSource {
    private final BufferedReader lines;
    private long line;

    WhitespaceLines(Reader reader) {
      lines = new BufferedReader(new SkipByteOrderMark(reader));
    }

    @Override
    public Parsed next() {
      try {
        String text = lines.readLine();
        if (text == null) {
          return null;
        }
        line++;
        String trimmed = text.strip();
        String[] fields = trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
        return new Parsed(fields, text, line, line, trimmed.isEmpty());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read line " + (line + 1), e);
      }
    }

    @Override
    public void close() {
      try {
        lines.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Drops a leading U+FEFF, which spreadsheet exports put before the header. */
  private static final class SkipByteOrderMark extends Reader {
    private final Reader in;
    private boolean started;

    SkipByteOrderMark(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (!started && n > 0) {
        started = true;
        if (buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
          return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
