import java.io.*; import java.nio.file.*;
public class Cmp { static float[] rd(String f) throws IOException { DataInputStream in=new DataInputStream(new BufferedInputStream(new FileInputStream(f))); float[] a=new float[256*256*3]; for(int i=0;i<a.length;i++)a[i]=in.readFloat(); return a;}
 public static void main(String[] a) throws Exception { float[] x=rd(a[0]), y=rd(a[1]); float[] r=Harness.readPfm(a[2]); double sxy=0,sxr=0,syr=0,sar=0; int W=256;
  double[] grid=new double[16];
  for(int i=0;i<x.length;i++){ double cx=Math.min(x[i],1),cy=Math.min(y[i],1),cr=Math.min(r[i],1); sxy+=(cx-cy)*(cx-cy); sxr+=(cx-cr)*(cx-cr); syr+=(cy-cr)*(cy-cr); double av=(cx+cy)/2; sar+=(av-cr)*(av-cr); int p=i/3; int gx=(p%W)/64, gy=(p/W)/64; grid[gy*4+gx]+=(cx-cr)*(cx-cr);}
  int n=x.length; System.out.printf("rmse(A,B)=%.5f -> sigma=%.5f ; rmse(A,ref)=%.5f rmse(B,ref)=%.5f rmse(avg,ref)=%.5f%n", Math.sqrt(sxy/n), Math.sqrt(sxy/n/2), Math.sqrt(sxr/n), Math.sqrt(syr/n), Math.sqrt(sar/n));
  for(int gy=0;gy<4;gy++){ for(int gx=0;gx<4;gx++) System.out.printf("%8.5f ", Math.sqrt(grid[gy*4+gx]/(n/16))); System.out.println(); }
 }}
